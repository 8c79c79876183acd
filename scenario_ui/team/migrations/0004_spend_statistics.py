"""Planner statistics for the spend page's grouping, on PostgreSQL only.

The spend page groups jobs by day (`TruncDate("created_at")` in the site's time zone),
user and model. Without statistics on that day expression, PostgreSQL guesses one group
per job and sorts every row of the range (200+ ms for 100,000 jobs); knowing there are
about a thousand groups, it hashes them in one pass. Nothing is indexed: the objects only
feed ANALYZE (autovacuum runs it; a bench that bulk-loads rows should run it too).
"""

from django.conf import settings
from django.db import migrations

TABLES = {"generation_spend_groups": "generate_generation", "training_spend_groups": "training_training"}


def create_statistics(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    zone = settings.TIME_ZONE.replace("'", "''")
    for name, table in TABLES.items():
        schema_editor.execute(
            f"CREATE STATISTICS IF NOT EXISTS {name} (ndistinct) ON "
            f"((created_at AT TIME ZONE '{zone}')::date), user_id, model_id FROM {table}"
        )


def drop_statistics(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for name in TABLES:
        schema_editor.execute(f"DROP STATISTICS IF EXISTS {name}")


class Migration(migrations.Migration):
    dependencies = [
        ("team", "0003_credit_alerts_and_queue_actions"),
        ("generate", "0002_generation_checked_at_generation_external_and_more"),
        ("training", "0002_training_checked_at_training_model_record_and_more"),
    ]

    operations = [migrations.RunPython(create_statistics, drop_statistics)]
