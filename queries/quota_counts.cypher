// title_zh: 计入限额的机构与限额
// description_zh: 某一时点某一层级（默认最低一级）每个地区计入机构限额的机构数（党委工作机关、政府工作部门、纪检机关）及其限额。
// title: Counted agencies per jurisdiction against the quota
// description: For each jurisdiction of a level (default: the lowest), the agencies of a snapshot that count toward the agency quota (party working organs, government departments, the discipline organ), next to its quota.
// params: snapshot=@last_snapshot, level=@bottom_level
MATCH (a:Agency)-[:IN]->(j:Jurisdiction)
WHERE a.dataset = $dataset AND a.snapshot = $snapshot AND a.counts_toward_quota = true AND j.level = $level
RETURN j.id AS jurisdiction_id, j.name_zh AS jurisdiction, j.name_en AS jurisdiction_en,
       j.agency_quota AS quota, count(*) AS counted
ORDER BY jurisdiction_id
