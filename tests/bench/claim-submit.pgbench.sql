-- P1 baseline: the SQL one claim + submit pair over REST sends, as one pgbench script, in the
-- order the services send it: per request the API token lookup (authenticate-api-token.ts),
-- then the claim transaction (claim-next-task.ts, pick-open-item.ts, release-expired-leases.ts,
-- task.ts) and the submit transaction (submit-judgement.ts, validate-item-payload.ts,
-- insert-judgement.ts). :campaign comes from -D, the annotator and token from the client
-- number. The benchmark campaign has no daily cap, gold or probes, so those statements do not run.
-- Keep this file in step with the services: it is the baseline the product is measured against.
select id as uid, token_hash as th from bench_annotators where n = :client_id \gset
-- POST /api/v1/campaigns/:id/tasks/next
select t.id as tid from api_tokens t join users u on u.id = t.user_id where t.token_hash = :th and t.revoked_at is null limit 1 \gset
update api_tokens set last_used_at = now() where id = :tid and (last_used_at is null or last_used_at < now() - make_interval(secs => 60));
BEGIN;
select cm.status, u.disabled, c.* from campaign_members cm join users u on u.id = cm.user_id join campaigns c on c.id = cm.campaign_id where cm.campaign_id = :campaign and cm.user_id = :uid for update of cm;
select * from assignments where annotator_id = :uid and campaign_id = :campaign and status = 'leased' and expires_at > now() order by leased_at desc limit 1;
update assignments set status = 'expired' where id in (select id from assignments where campaign_id = :campaign and status = 'leased' and expires_at < now() limit 100 for update skip locked) returning item_id, purpose;
select id as item from items where campaign_id = :campaign and open_slots > 0 and kind <> 'gold' and not exists (select 1 from assignments a where a.item_id = items.id and a.annotator_id = :uid and a.purpose = 'regular' offset 0) order by judgement_count desc nulls last, rand_key limit 1 for update of items skip locked \gset
update items set open_slots = open_slots - 1 where id = :item;
select id, content_kind, content from responses where item_id = :item order by position;
insert into assignments (campaign_id, item_id, annotator_id, purpose, display_order, expires_at) values (:campaign, :item, :uid, 'regular', '[]', now() + make_interval(secs => 900)) returning id as aid \gset
select id, prompt from items where id = :item;
COMMIT;
-- POST /api/v1/assignments/:id/judgement
select t.id as tid from api_tokens t join users u on u.id = t.user_id where t.token_hash = :th and t.revoked_at is null limit 1 \gset
update api_tokens set last_used_at = now() where id = :tid and (last_used_at is null or last_used_at < now() - make_interval(secs => 60));
BEGIN;
select * from assignments where id = :aid and annotator_id = :uid for update;
select * from judgements where idempotency_key = :aid;
select * from campaigns where id = :campaign;
select id from responses where item_id = :item order by position;
update items set judgement_count = judgement_count + 1 where id = :item and judgement_count < 3 returning id;
update assignments set status = 'submitted', completed_at = now() where id = :aid;
insert into judgements (campaign_id, assignment_id, item_id, annotator_id, payload, display_order, guideline_version, template_version, shown_at, idempotency_key) values (:campaign, :aid, :item, :uid, '{"choice": "tie"}', '[]', 1, 1, now(), :aid) returning *;
COMMIT;
