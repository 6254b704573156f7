MATCH (:Entity {uid: $about})<-[:ABOUT]-(n:Claim)
