// title_zh: 两个时点之间的合并
// description_zh: 每次合并（多个原机构并为一个新机构），新机构在前；给出 $jurisdiction（地区 id）时只看该地区，留空则看全部地区。
// title: Mergers between two snapshots
// description: Every merger (n old agencies into one new one), new agency first; in one jurisdiction when $jurisdiction (a jurisdiction id) is given, in all of them when it is empty.
// params: jurisdiction=
MATCH (old:Agency)-[b:BECAME]->(new:Agency)
WHERE new.dataset = $dataset AND b.change = 'merged' AND ($jurisdiction = '' OR old.jurisdiction = $jurisdiction)
RETURN new.name_zh AS new_agency, old.name_zh AS from_agency, new.jurisdiction AS new_jurisdiction
ORDER BY new_jurisdiction, new_agency, from_agency
