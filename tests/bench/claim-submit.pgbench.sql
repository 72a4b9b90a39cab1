-- P1 baseline: the SQL one claim + submit pair over REST sends, as one pgbench script, in the
-- order the services send it: per request the API token lookup (authenticate-api-token.ts; its
-- last_used_at write happens once a minute per token, so not here), then the claim transaction
-- (claim-next-task.ts, claim-statement.ts, pick-open-item.ts) and the submit transaction
-- (submit-judgement.ts, validate-item-payload.ts, insert-judgement.ts). :campaign comes from -D,
-- the annotator and token hash from the client number. The benchmark campaign has no daily cap,
-- gold or probes, so their statements do not run; the display-order permutation is fixed here.
-- Keep this file in step with the services: it is the baseline the product is measured against.
select id as uid, token_hash as th from bench_annotators where n = :client_id \gset
-- POST /api/v1/campaigns/:id/tasks/next
select t.id as tid, u.disabled, (t.last_used_at is null or t.last_used_at < now() - make_interval(secs => 60)) as stale from api_tokens t join users u on u.id = t.user_id where t.token_hash = :th and t.revoked_at is null limit 1 \gset
BEGIN;
select cm.status, u.disabled, c.* from campaign_members cm join users u on u.id = cm.user_id join campaigns c on c.id = cm.campaign_id where cm.campaign_id = :campaign and cm.user_id = :uid for update of cm;
with expired as (update assignments set status = 'expired' where id in (select id from assignments where campaign_id = :campaign and status = 'leased' and expires_at < now() limit 100 for update skip locked) returning item_id, purpose), held as (select * from assignments where annotator_id = :uid and campaign_id = :campaign and status = 'leased' and expires_at > now() order by leased_at asc limit 1), picked as (select id from items where campaign_id = :campaign and open_slots > 0 and not awaiting_generation and leak_status <> 'held' and kind <> 'gold' and not exists (select 1 from held) and not exists (select 1 from assignments where assignments.item_id = items.id and assignments.annotator_id = :uid and assignments.purpose = 'regular' offset 0) order by judgement_count desc nulls last, rand_key asc limit 1 for update of items skip locked), took as (update items set open_slots = items.open_slots - 1 from picked where items.id = picked.id returning items.id), shown as (select took.id as item_id, jsonb_agg(r.id order by ('{1,0,2,3,4,5,6,7,8}'::int[])[r.position + 1], r.position) as display_order from took join responses r on r.item_id = took.id group by took.id), leased as (insert into assignments (campaign_id, item_id, annotator_id, purpose, display_order, expires_at, shown_at) select :campaign, shown.item_id, :uid, 'regular', shown.display_order, now() + make_interval(secs => 900), now() from shown returning *), lease as (select * from held union all select * from leased) select (select json_agg(e.item_id) from expired e where e.purpose = 'regular') as freed, (select l.id from lease l) as aid, (select l.item_id from lease l) as item, (select json_build_object('assignment', to_json(l), 'prompt', i.prompt, 'leakStatus', i.leak_status, 'responses', (select json_agg(json_build_object('id', r.id, 'contentKind', r.content_kind, 'content', r.content, 'steps', r.steps, 'reasoning', r.reasoning, 'messages', r.messages)) from responses r where r.item_id = l.item_id)) from lease l join items i on i.id = l.item_id limit 1) as task \gset
COMMIT;
-- POST /api/v1/assignments/:id/judgement
select t.id as tid, u.disabled, (t.last_used_at is null or t.last_used_at < now() - make_interval(secs => 60)) as stale from api_tokens t join users u on u.id = t.user_id where t.token_hash = :th and t.revoked_at is null limit 1 \gset
BEGIN;
select * from assignments where id = :aid and annotator_id = :uid for update;
select * from judgements where idempotency_key = :aid;
select * from campaigns where id = :campaign;
select id, content, steps, messages from responses where item_id = :item order by position;
update items set judgement_count = judgement_count + 1 where id = :item and judgement_count < 3 returning id;
update assignments set status = 'submitted', completed_at = now() where id = :aid;
insert into judgements (campaign_id, assignment_id, item_id, annotator_id, payload, display_order, guideline_version, template_version, shown_at, idempotency_key) values (:campaign, :aid, :item, :uid, '{"choice": "tie"}', '[]', 1, 1, now(), :aid) returning *;
COMMIT;
