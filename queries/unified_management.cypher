// title_zh: 党委部门归口管理
// description_zh: 某一时点由其他机构归口管理的机构，例如组织部归口管理的编办、统战部归口管理的民族事务机构。
// title: Unified management by party departments
// description: Bodies under the unified management (归口管理) of another agency in a snapshot, e.g. the establishment office under the organization department, ethnic affairs under the united front department.
// params: snapshot=@last_snapshot
MATCH (a:Agency)-[r:REPORTS_TO]->(b:Agency)
WHERE a.dataset = $dataset AND a.snapshot = $snapshot AND r.mode = 'unified'
RETURN a.jurisdiction AS jurisdiction, a.name_zh AS agency, a.type AS type, b.name_zh AS managed_by, b.type AS manager_type
ORDER BY jurisdiction, type
