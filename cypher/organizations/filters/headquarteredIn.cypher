MATCH (:Country {key: $headquarteredIn})<-[:HEADQUARTERED_IN]-(n:Organization)
