// title: Published versus modeled
// description: How many agencies of each snapshot rest on the seed article, another public source, or our modeling.
MATCH (a:Agency)
WHERE a.dataset = $dataset
RETURN a.snapshot AS snapshot, a.basis AS basis, count(*) AS agencies
ORDER BY snapshot, basis
