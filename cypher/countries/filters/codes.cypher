n.key IN $codes
