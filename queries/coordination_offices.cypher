// title_zh: 议事协调机构及其办公室
// description_zh: 某一时点每个议事协调机构及其办公室所设的机构（办公室设在）。
// title: Deliberation and coordination bodies and their offices
// description: Each deliberation and coordination body of a snapshot with the agency that hosts its office (HOSTED_BY office_in).
// params: snapshot=@last_snapshot
MATCH (c:Agency)-[h:HOSTED_BY]->(host:Agency)
WHERE c.dataset = $dataset AND c.snapshot = $snapshot AND c.category = 'coordination' AND h.mode = 'office_in'
RETURN c.jurisdiction AS jurisdiction, c.type AS body_type, c.name_zh AS body, host.name_zh AS office_in, h.basis AS basis
ORDER BY jurisdiction, body_type
