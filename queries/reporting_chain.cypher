// title_zh: 机构的上级链
// description_zh: 沿 REPORTS_TO 关系在某一机构之上的全部机构（最多六级，任何方式），由近及远。必须给出机构 id（$agency_id）。
// title: Reporting chain of an agency
// description: Every agency above the given one along REPORTS_TO lines (up to six steps, any mode), nearest first. Give the agency's id ($agency_id, required).
// params: agency_id
MATCH p = (a:Agency)-[:REPORTS_TO*1..6]->(b:Agency)
WHERE a.dataset = $dataset AND a.id = $agency_id
RETURN b.id AS id, b.name_zh AS agency, b.name_en AS agency_en, length(p) AS steps
ORDER BY steps, id
