// title_zh: 生态环境机构及其上级
// description_zh: 某一时点每个旗县级生态环境机构、其上级机构和隶属方式（派出机构或本级部门）。
// title: Ecology bodies and whom they report to
// description: Every county ecology and environment body of a snapshot with the agency it reports to and the mode: in 2019 a dispatched office of the league bureau, in 2018 a county department.
// params: snapshot=2019
MATCH (a:Agency)-[r:REPORTS_TO]->(b:Agency)
WHERE a.dataset = $dataset AND a.snapshot = $snapshot AND a.type = 'ecology_environment'
  AND r.mode <> 'guides'
RETURN a.jurisdiction AS county_id, a.name_zh AS office, b.name_zh AS reports_to, b.jurisdiction AS target_jurisdiction,
       r.mode AS mode, r.basis AS basis
ORDER BY county_id, mode, reports_to
