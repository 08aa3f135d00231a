// title_zh: 机构的来源
// description_zh: 某一机构的前身（指向它的 BECAME 关系）、变化类型和划转的职能。必须给出机构 id（$agency_id）。
// title: Where an agency came from
// description: The predecessors of an agency (BECAME edges into it), with the kind of change and any function that moved. Give the agency's id ($agency_id, required).
// params: agency_id
MATCH (old:Agency)-[b:BECAME]->(new:Agency)
WHERE new.dataset = $dataset AND new.id = $agency_id
RETURN old.id AS from_id, old.name_zh AS from_agency, b.change AS change, b.function AS function, b.basis AS basis
ORDER BY change, from_id
