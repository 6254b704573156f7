// An entity with nothing read ahead below it, as prefetch/entity projects one (same slots, no `fields`).
{ {{labels}}props: {{props}} }
