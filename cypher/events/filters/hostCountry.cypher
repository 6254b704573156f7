MATCH (:Country {key: $hostCountry})<-[:HELD_IN]-(n:Event)
