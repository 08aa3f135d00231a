// title_zh: 各地区综合行政执法队伍
// description_zh: 某一时点每个地区的综合行政执法队伍数量。
// title: Comprehensive law-enforcement teams per jurisdiction
// description: How many enforcement teams each jurisdiction has in a snapshot (a dataset's rules may cap the number).
// params: snapshot=@last_snapshot
MATCH (a:Agency)-[:IN]->(j:Jurisdiction)
WHERE a.dataset = $dataset AND a.snapshot = $snapshot AND a.category = 'enforcement'
RETURN j.id AS jurisdiction_id, j.name_zh AS jurisdiction, j.level AS level, count(*) AS teams
ORDER BY jurisdiction_id
