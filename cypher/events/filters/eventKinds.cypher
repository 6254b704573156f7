n.kind IN $eventKinds
