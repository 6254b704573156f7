MATCH (:Region {key: $targetsRegion})<-[:TARGETS]-(n:Project)
