$list IN n.lists
