// title_zh: 两个时点之间的合并
// description_zh: 某一地区的每次合并（多个原机构并为一个新机构），新机构在前。
// title: Mergers between two snapshots
// description: Every merger (n old agencies into one new one) in a jurisdiction, new agency first.
// params: jurisdiction=152528
MATCH (old:Agency)-[b:BECAME]->(new:Agency)
WHERE new.dataset = $dataset AND b.change = 'merged' AND old.jurisdiction = $jurisdiction
RETURN new.name_zh AS new_agency, old.name_zh AS from_agency, new.jurisdiction AS new_jurisdiction
ORDER BY new_agency, from_agency
