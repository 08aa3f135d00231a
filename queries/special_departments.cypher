// title_zh: 单独设置的特设部门
// description_zh: 某一时点某一层级（默认最低一级）哪些地区单独设置扶贫、外事或林业和草原部门。
// title: Special departments kept separate
// description: Which jurisdictions of a level (default: the lowest) have a separate poverty-alleviation, foreign-affairs or forestry-and-grassland department in a snapshot.
// params: snapshot=@last_snapshot, level=@bottom_level
MATCH (a:Agency)-[:IN]->(j:Jurisdiction)
WHERE a.dataset = $dataset AND a.snapshot = $snapshot AND j.level = $level
  AND a.type IN ['poverty_alleviation', 'foreign_affairs', 'forestry_grassland']
RETURN a.type AS department, j.id AS jurisdiction_id, j.name_zh AS jurisdiction, a.name_zh AS agency, a.basis AS basis
ORDER BY department, jurisdiction_id
