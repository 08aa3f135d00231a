// title_zh: 上下对应的机构
// description_zh: 某一时点各级的政务服务、文化和旅游、卫生健康机构（上下对应设置）。
// title: Counterparts at every level
// description: Government services, culture and tourism, and health bodies of a snapshot at every level (set up to correspond through the levels).
// params: snapshot=@last_snapshot
MATCH (a:Agency)-[:IN]->(j:Jurisdiction)
WHERE a.dataset = $dataset AND a.snapshot = $snapshot AND a.type IN ['government_services', 'culture_tourism', 'health']
RETURN a.type AS type, j.level AS level, j.id AS jurisdiction_id, a.name_zh AS agency
ORDER BY type, level, jurisdiction_id
