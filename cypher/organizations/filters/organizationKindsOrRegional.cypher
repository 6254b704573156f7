(n.kind IN $organizationKindsOrRegional OR n.scope = 'REGIONAL')
