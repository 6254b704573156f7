$source IN n.sourceKeys
