-- LedgerPost (hand-written; ADR XXXX): a batch of transfers in one statement. Each item is applied in order under
-- the row locks of every account the batch touches (taken in id order: two batches never deadlock), with the rules of
-- ADR 0022: a replay with the same id and content answers the recorded transfer and moves nothing; the same id with
-- other content answers the first field that differs; a single or pending transfer that would carry a flagged account
-- past its limit is refused and writes nothing; a post or void resolves a pending transfer once. Nothing here bypasses
-- row-level security (SECURITY INVOKER): the items are the tenant's in `app.tenant_id`.
CREATE FUNCTION "ledger_post"(items jsonb) RETURNS TABLE (
  r_i int, r_outcome text, r_detail text, r_account_id text, r_limit bigint,
  r_id text, r_budget_year int, r_debit_account_id text, r_credit_account_id text, r_amount bigint, r_code text,
  r_phase text, r_pending_id text, r_reference text, r_actor text, r_created_at timestamptz
) LANGUAGE plpgsql AS $$
DECLARE
  tenant uuid := NULLIF(current_setting('app.tenant_id', true), '')::uuid;
  it record;
  -- The locked accounts, in id order, with their sums kept here while the items are applied and written once at the
  -- end (one UPDATE per batch, not two per transfer).
  a_id uuid[];
  a_key text[];
  a_year int[];
  a_dmnec boolean[];
  a_cmned boolean[];
  a_dp bigint[];
  a_dpo bigint[];
  a_cp bigint[];
  a_cpo bigint[];
  a_moved boolean[];
  di int;
  ci int;
  ph text;
  rec ledger_transfer%ROWTYPE;
  pend ledger_transfer%ROWTYPE;
  want_debit uuid;
  want_credit uuid;
  want_amount bigint;
  want_code text;
  want_pending uuid;
  headroom bigint;
  inserted int;
  differs text;
BEGIN
  IF tenant IS NULL THEN
    RAISE EXCEPTION 'ledger_post needs app.tenant_id';
  END IF;
  -- Accounts created on first use with their kind's flags, in key order (two batches creating the same accounts wait
  -- for each other in the same order).
  INSERT INTO ledger_account (id, tenant_id, budget_year, kind, recipient_id, recipient_name,
    debits_must_not_exceed_credits, credits_must_not_exceed_debits, created_at)
  SELECT gen_random_uuid(), tenant, k.budget_year, k.kind, k.recipient_id, k.recipient_name, k.dmnec, k.cmned, k.at
    FROM (
      SELECT DISTINCT ON (x.budget_year, x.kind, x.recipient_id) x.*
        FROM (
          SELECT (e->>'budget_year')::int AS budget_year, e->>'debit_kind' AS kind, e->>'debit_recipient' AS recipient_id,
                 e->>'recipient_name' AS recipient_name,
                 (e->>'debit_dmnec')::boolean AS dmnec, (e->>'debit_cmned')::boolean AS cmned, (e->>'at')::timestamptz AS at
            FROM jsonb_array_elements(items) e WHERE e->>'op' = 'transfer'
          UNION ALL
          SELECT (e->>'budget_year')::int, e->>'credit_kind', e->>'credit_recipient',
                 e->>'recipient_name',
                 (e->>'credit_dmnec')::boolean, (e->>'credit_cmned')::boolean, (e->>'at')::timestamptz
            FROM jsonb_array_elements(items) e WHERE e->>'op' = 'transfer'
        ) x
       ORDER BY x.budget_year, x.kind, x.recipient_id
    ) k
   WHERE NOT EXISTS (SELECT 1 FROM ledger_account a WHERE a.tenant_id = tenant AND a.budget_year = k.budget_year
                        AND a.kind = k.kind AND a.recipient_id = k.recipient_id)
   ORDER BY k.budget_year, k.kind, k.recipient_id
  ON CONFLICT (tenant_id, budget_year, kind, recipient_id) DO NOTHING;

  -- Every account the batch touches, locked in id order.
  SELECT array_agg(l.id ORDER BY l.id), array_agg(l.budget_year || '/' || l.kind || '/' || l.recipient_id ORDER BY l.id),
         array_agg(l.budget_year ORDER BY l.id),
         array_agg(l.debits_must_not_exceed_credits ORDER BY l.id), array_agg(l.credits_must_not_exceed_debits ORDER BY l.id),
         array_agg(l.debits_pending ORDER BY l.id), array_agg(l.debits_posted ORDER BY l.id),
         array_agg(l.credits_pending ORDER BY l.id), array_agg(l.credits_posted ORDER BY l.id),
         array_agg(false ORDER BY l.id)
    INTO a_id, a_key, a_year, a_dmnec, a_cmned, a_dp, a_dpo, a_cp, a_cpo, a_moved
    FROM (SELECT a.* FROM ledger_account a
   WHERE a.id IN (
     SELECT acc.id FROM jsonb_array_elements(items) e
       JOIN ledger_account acc ON acc.tenant_id = tenant AND acc.budget_year = (e->>'budget_year')::int
        AND acc.kind = e->>'debit_kind' AND acc.recipient_id = e->>'debit_recipient'
      WHERE e->>'op' = 'transfer'
     UNION
     SELECT acc.id FROM jsonb_array_elements(items) e
       JOIN ledger_account acc ON acc.tenant_id = tenant AND acc.budget_year = (e->>'budget_year')::int
        AND acc.kind = e->>'credit_kind' AND acc.recipient_id = e->>'credit_recipient'
      WHERE e->>'op' = 'transfer'
     UNION
     SELECT unnest(ARRAY[t.debit_account_id, t.credit_account_id]) FROM jsonb_array_elements(items) e
       JOIN ledger_transfer t ON t.id = (e->>'pending_id')::uuid
      WHERE e->>'op' = 'resolve')
   ORDER BY a.id FOR UPDATE) l;

  FOR it IN SELECT e, (n - 1)::int AS i FROM jsonb_array_elements(items) WITH ORDINALITY AS x(e, n) ORDER BY n LOOP
    r_i := it.i; r_detail := NULL; r_account_id := NULL; r_limit := NULL; r_id := NULL; r_budget_year := NULL;
    r_debit_account_id := NULL; r_credit_account_id := NULL; r_amount := NULL; r_code := NULL; r_phase := NULL;
    r_pending_id := NULL; r_reference := NULL; r_actor := NULL; r_created_at := NULL;
    IF it.e->>'op' = 'transfer' THEN
      di := array_position(a_key, (it.e->>'budget_year') || '/' || (it.e->>'debit_kind') || '/' || (it.e->>'debit_recipient'));
      ci := array_position(a_key, (it.e->>'budget_year') || '/' || (it.e->>'credit_kind') || '/' || (it.e->>'credit_recipient'));
      want_debit := a_id[di]; want_credit := a_id[ci]; want_pending := NULL;
      want_amount := (it.e->>'amount')::bigint; want_code := it.e->>'code';
    ELSE
      SELECT * INTO pend FROM ledger_transfer t WHERE t.id = (it.e->>'pending_id')::uuid;
      IF NOT FOUND OR pend.phase <> 'pending' THEN
        r_outcome := 'no_pending';
        RETURN NEXT; CONTINUE;
      END IF;
      di := array_position(a_id, pend.debit_account_id);
      ci := array_position(a_id, pend.credit_account_id);
      want_debit := pend.debit_account_id; want_credit := pend.credit_account_id; want_pending := pend.id;
      want_amount := pend.amount; want_code := pend.code;
    END IF;

    -- A replay: the same content answers the recorded transfer; other content names the first field that differs.
    SELECT * INTO rec FROM ledger_transfer t WHERE t.id = (it.e->>'id')::uuid;
    IF FOUND THEN
      differs := CASE
        WHEN rec.debit_account_id <> want_debit THEN 'debitAccountId'
        WHEN rec.credit_account_id <> want_credit THEN 'creditAccountId'
        WHEN rec.amount <> want_amount THEN 'amount'
        WHEN rec.code <> want_code THEN 'code'
        WHEN rec.phase <> it.e->>'phase' THEN 'phase'
        WHEN rec.pending_id IS DISTINCT FROM want_pending THEN 'pendingId'
        WHEN rec.reference <> it.e->>'reference' THEN 'reference'
      END;
      IF differs IS NOT NULL THEN
        r_outcome := 'differs'; r_detail := differs;
        RETURN NEXT; CONTINUE;
      END IF;
      r_outcome := 'replayed';
      SELECT rec.id::text, rec.budget_year, rec.debit_account_id::text, rec.credit_account_id::text, rec.amount,
             rec.code, rec.phase, rec.pending_id::text, rec.reference, rec.actor, rec.created_at
        INTO r_id, r_budget_year, r_debit_account_id, r_credit_account_id, r_amount, r_code, r_phase, r_pending_id,
             r_reference, r_actor, r_created_at;
      RETURN NEXT; CONTINUE;
    END IF;

    IF it.e->>'op' = 'resolve' THEN
      -- One resolution per pending transfer (the lifecycle table; the unique index on pending_id backs it).
      SELECT t.phase INTO differs FROM ledger_transfer t WHERE t.pending_id = pend.id;
      IF FOUND THEN
        r_outcome := 'resolved_already'; r_detail := CASE differs WHEN 'post' THEN 'posted' ELSE 'voided' END;
        RETURN NEXT; CONTINUE;
      END IF;
    ELSE
      -- The balance rules on the locked rows, pending amounts counted.
      IF a_dmnec[di] THEN
        headroom := a_cpo[di] - a_dpo[di] - a_dp[di];
        IF want_amount > headroom THEN
          r_outcome := 'refused'; r_detail := 'exceeds_credits'; r_account_id := a_id[di]::text; r_limit := headroom;
          RETURN NEXT; CONTINUE;
        END IF;
      END IF;
      IF a_cmned[ci] THEN
        headroom := a_dpo[ci] - a_cpo[ci] - a_cp[ci];
        IF want_amount > headroom THEN
          r_outcome := 'refused'; r_detail := 'exceeds_debits'; r_account_id := a_id[ci]::text; r_limit := headroom;
          RETURN NEXT; CONTINUE;
        END IF;
      END IF;
    END IF;

    INSERT INTO ledger_transfer (id, tenant_id, budget_year, debit_account_id, credit_account_id, amount, code, phase,
      pending_id, reference, actor, created_at)
    VALUES ((it.e->>'id')::uuid, tenant, a_year[di], want_debit, want_credit, want_amount, want_code,
      it.e->>'phase', want_pending, it.e->>'reference', it.e->>'actor', (it.e->>'at')::timestamptz)
    ON CONFLICT (id) DO NOTHING
    RETURNING * INTO rec;
    GET DIAGNOSTICS inserted = ROW_COUNT;
    IF inserted = 0 THEN
      -- The id is another tenant's (this one would have seen it above).
      r_outcome := 'differs'; r_detail := 'id';
      RETURN NEXT; CONTINUE;
    END IF;

    ph := it.e->>'phase';
    IF ph = 'single' THEN
      a_dpo[di] := a_dpo[di] + want_amount; a_cpo[ci] := a_cpo[ci] + want_amount;
    ELSIF ph = 'pending' THEN
      a_dp[di] := a_dp[di] + want_amount; a_cp[ci] := a_cp[ci] + want_amount;
    ELSIF ph = 'post' THEN
      a_dp[di] := a_dp[di] - want_amount; a_dpo[di] := a_dpo[di] + want_amount;
      a_cp[ci] := a_cp[ci] - want_amount; a_cpo[ci] := a_cpo[ci] + want_amount;
    ELSE
      a_dp[di] := a_dp[di] - want_amount; a_cp[ci] := a_cp[ci] - want_amount;
    END IF;
    a_moved[di] := true; a_moved[ci] := true;

    r_outcome := 'posted';
    SELECT rec.id::text, rec.budget_year, rec.debit_account_id::text, rec.credit_account_id::text, rec.amount,
           rec.code, rec.phase, rec.pending_id::text, rec.reference, rec.actor, rec.created_at
      INTO r_id, r_budget_year, r_debit_account_id, r_credit_account_id, r_amount, r_code, r_phase, r_pending_id,
           r_reference, r_actor, r_created_at;
    RETURN NEXT;
  END LOOP;

  -- The sums of the accounts that moved, in one statement (the CHECK below refuses a negative pending sum).
  UPDATE ledger_account a SET debits_pending = v.dp, debits_posted = v.dpo, credits_pending = v.cp,
         credits_posted = v.cpo
    FROM unnest(a_id, a_dp, a_dpo, a_cp, a_cpo, a_moved) AS v(id, dp, dpo, cp, cpo, moved)
   WHERE a.id = v.id AND v.moved;
END;
$$;

-- A pending amount never goes below zero (a resolution moves at most what is pending).
ALTER TABLE "ledger_account" ADD CONSTRAINT "ledger_account_pending_not_negative"
  CHECK ("debits_pending" >= 0 AND "credits_pending" >= 0);
