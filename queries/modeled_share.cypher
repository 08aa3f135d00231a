// title_zh: 已公开与建模推断
// description_zh: 每个时点的机构分别依据种子文章、其他公开来源或建模推断的数量。
// title: Published versus modeled
// description: How many agencies of each snapshot rest on the seed article, another public source, or our modeling.
MATCH (a:Agency)
WHERE a.dataset = $dataset
RETURN a.snapshot AS snapshot, a.basis AS basis, count(*) AS agencies
ORDER BY snapshot, basis
