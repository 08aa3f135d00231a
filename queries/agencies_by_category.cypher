// title: Agencies per category and jurisdiction
// description: How many agencies of each category each jurisdiction has in a snapshot.
// params: snapshot=2019
MATCH (a:Agency)-[:IN]->(j:Jurisdiction)
WHERE a.dataset = $dataset AND a.snapshot = $snapshot
RETURN j.name_zh AS jurisdiction, a.category AS category, count(*) AS agencies
ORDER BY jurisdiction, category
