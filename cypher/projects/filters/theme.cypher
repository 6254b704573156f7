MATCH (:Theme {key: $theme})<-[:HAS_THEME]-(n:Project)
