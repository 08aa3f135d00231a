// title_zh: 规定新设的机构
// description_zh: 某一时点各地区的监察委员会、应急管理、退役军人事务和医疗保障机构。
// title: Mandated new agencies
// description: The supervisory commission, emergency management, veterans affairs and medical security bodies of each county in a snapshot (all four formed in 2019).
// params: snapshot=2019
MATCH (a:Agency)-[:IN]->(j:Jurisdiction)
WHERE a.dataset = $dataset AND a.snapshot = $snapshot AND j.level = 'county'
  AND a.type IN ['supervisory_commission', 'emergency_management', 'veterans_affairs', 'medical_security']
RETURN j.id AS county_id, j.name_zh AS county, a.type AS type, a.name_zh AS agency, a.basis AS basis
ORDER BY county_id, type
