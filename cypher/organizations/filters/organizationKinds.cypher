n.kind IN $organizationKinds
