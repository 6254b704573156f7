// Position.holderNamed: whether a named Person holds (or held) the post. The position is found by its unique uid.
MATCH (position:Position {uid: $uid})
RETURN EXISTS { (position)<-[:HOLDS]-(:Person) } AS named
