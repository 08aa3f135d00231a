// title_zh: 各地区各类别机构数
// description_zh: 某一时点各地区每个类别的机构数量。
// title: Agencies per category and jurisdiction
// description: How many agencies of each category each jurisdiction has in a snapshot.
// params: snapshot=@last_snapshot
MATCH (a:Agency)-[:IN]->(j:Jurisdiction)
WHERE a.dataset = $dataset AND a.snapshot = $snapshot
RETURN j.name_zh AS jurisdiction, a.category AS category, count(*) AS agencies
ORDER BY jurisdiction, category
