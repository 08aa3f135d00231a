// title_zh: 计入限额的机构与限额
// description_zh: 某一时点每个地区计入机构限额的机构数（党委工作机关、政府工作部门、纪检机关）及其限额。
// title: Counted agencies per county against the quota
// description: For each county, the agencies of a snapshot that count toward the agency quota (party working organs, government departments, the discipline organ), next to its quota.
// params: snapshot=2019
MATCH (a:Agency)-[:IN]->(j:Jurisdiction)
WHERE a.dataset = $dataset AND a.snapshot = $snapshot AND a.counts_toward_quota = true AND j.level = 'county'
RETURN j.id AS county_id, j.name_zh AS county, j.name_en AS county_en, j.size_class AS size_class,
       j.agency_quota AS quota, count(*) AS counted
ORDER BY county_id
