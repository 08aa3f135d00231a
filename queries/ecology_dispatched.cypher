// title_zh: 生态环境机构及其上级
// description_zh: 某一时点每个生态环境机构、其上级机构和隶属方式（例如上级机构的派出机构，或本级部门）。
// title: Ecology bodies and whom they report to
// description: Every ecology and environment body of a snapshot with the agency it reports to and the mode (e.g. a dispatched office of a higher bureau, or a department of its own jurisdiction's government).
// params: snapshot=@last_snapshot
MATCH (a:Agency)-[r:REPORTS_TO]->(b:Agency)
WHERE a.dataset = $dataset AND a.snapshot = $snapshot AND a.type = 'ecology_environment'
  AND r.mode <> 'guides'
RETURN a.jurisdiction AS jurisdiction_id, a.name_zh AS office, b.name_zh AS reports_to, b.jurisdiction AS target_jurisdiction,
       r.mode AS mode, r.basis AS basis
ORDER BY jurisdiction_id, mode, reports_to
