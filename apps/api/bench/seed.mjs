// The bench's catalog: published designs with varied names, types, kinds and counters, one statement per table.

/** Published designs with varied names, types, kinds and counters, written in one statement per table. */
export async function seedCatalogBench(db, count) {
  await db.query(
    `insert into users (id, email, name) values ('00000000-0000-4000-8000-000000000001', 'bench@meshplane.test', 'Bench')`,
  );
  await db.query(
    `insert into organizations (id, name, owner_id) values ('00000000-0000-4000-8000-000000000002', 'Bench', '00000000-0000-4000-8000-000000000001')`,
  );
  await db.query(
    `
    insert into designs (id, organization_id, name, latest_revision_number)
    select md5('d' || i)::uuid, '00000000-0000-4000-8000-000000000002',
           (array['postgres','redis','nginx','kafka','grafana','vault','etcd','minio'])[1 + i % 8] || '-' ||
           (array['cluster','cache','gateway','stack','backup','operator'])[1 + i % 6] || '-' || i, 1
    from generate_series(1, $1) as i`,
    [count],
  );
  await db.query(
    `
    insert into design_revisions (id, organization_id, design_id, number, content, content_hash)
    select md5('r' || i)::uuid, '00000000-0000-4000-8000-000000000002', md5('d' || i)::uuid, 1,
           jsonb_build_object('name', 'design ' || i, 'components', '[]'::jsonb, 'relationships', '[]'::jsonb), md5('h' || i)
    from generate_series(1, $1) as i`,
    [count],
  );
  await db.query(
    `
    insert into catalog_entries (organization_id, design_id, revision_id, type, technology, name, description,
                                 component_kinds, models, categories, component_count, search_text,
                                 view_count, clone_count, published_at)
    select '00000000-0000-4000-8000-000000000002', d.id, md5('r' || i)::uuid,
           (array['Deployment','Observability','Resiliency','Scaling','Security','Traffic-management','Troubleshooting','Workloads'])[1 + i % 8],
           'kubernetes', d.name, 'A reviewed design number ' || i || ' for ' || split_part(d.name, '-', 1),
           case i % 4 when 0 then array['Deployment','Service'] when 1 then array['StatefulSet','Service','PersistentVolumeClaim']
                      when 2 then array['CronJob','Secret'] else array['Ingress','Service','Deployment'] end,
           array['kubernetes'], array['Orchestration & Management'], 3,
           d.name || ' A reviewed design number ' || i, (i * 7919) % 1000, (i * 104729) % 50,
           now() - (i || ' minutes')::interval
    from generate_series(1, $1) as i join designs d on d.id = md5('d' || i)::uuid`,
    [count],
  );
  await db.query("analyze");
}
