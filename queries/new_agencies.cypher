// title_zh: 规定新设的机构
// description_zh: 某一时点某一层级（默认最低一级）各地区的监察委员会、应急管理、退役军人事务和医疗保障机构。
// title: Mandated new agencies
// description: The supervisory commission, emergency management, veterans affairs and medical security bodies of each jurisdiction of a level (default: the lowest) in a snapshot.
// params: snapshot=@last_snapshot, level=@bottom_level
MATCH (a:Agency)-[:IN]->(j:Jurisdiction)
WHERE a.dataset = $dataset AND a.snapshot = $snapshot AND j.level = $level
  AND a.type IN ['supervisory_commission', 'emergency_management', 'veterans_affairs', 'medical_security']
RETURN j.id AS jurisdiction_id, j.name_zh AS jurisdiction, a.type AS type, a.name_zh AS agency, a.basis AS basis
ORDER BY jurisdiction_id, type
