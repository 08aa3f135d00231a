// title_zh: 单独设置的特设部门
// description_zh: 某一时点哪些地区单独设置扶贫、外事或林业和草原部门。
// title: Special departments kept separate
// description: Which county has a separate poverty-alleviation, foreign-affairs or forestry-and-grassland department in a snapshot (the seed's lists for 2019).
// params: snapshot=2019
MATCH (a:Agency)-[:IN]->(j:Jurisdiction)
WHERE a.dataset = $dataset AND a.snapshot = $snapshot AND j.level = 'county'
  AND a.type IN ['poverty_alleviation', 'foreign_affairs', 'forestry_grassland']
RETURN a.type AS department, j.id AS county_id, j.name_zh AS county, a.name_zh AS agency, a.basis AS basis
ORDER BY department, county_id
