// title_zh: 党委部门承担的职能
// description_zh: 某一时点组织部、宣传部、统战部承担的职能（公务员、新闻出版电影、民族宗教侨务）。
// title: Duties held by the party departments
// description: Functions held by the organization, publicity and united front departments in a snapshot (civil service; press, publication and film; ethnic, religious and overseas-Chinese affairs).
// params: snapshot=@last_snapshot
MATCH (a:Agency)-[r:HAS_FUNCTION]->(f:Function)
WHERE a.dataset = $dataset AND a.snapshot = $snapshot AND a.type IN ['organization', 'publicity', 'united_front']
RETURN a.jurisdiction AS jurisdiction, a.type AS department, f.id AS function, f.name_zh AS function_zh, r.basis AS basis
ORDER BY jurisdiction, department, function
