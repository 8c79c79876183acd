"""The viewer, member and lead groups with their permissions (see `roles.py`)."""

from django.apps.registry import Apps
from django.contrib.auth.management import create_permissions
from django.db import migrations
from django.db.backends.base.schema import BaseDatabaseSchemaEditor

from scenario_ui.team.roles import sync_role_groups


def create_role_groups(apps: Apps, schema_editor: BaseDatabaseSchemaEditor) -> None:
    # The permissions are otherwise created after all migrations have run; a migration's
    # app config is a stub without a models module, which is all the function checks.
    app_config = apps.get_app_config("team")
    app_config.models_module = True  # type: ignore[assignment]
    create_permissions(app_config, verbosity=0, apps=apps)
    sync_role_groups(apps)


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("team", "0001_initial"),
    ]

    # Backwards leaves the groups: users may have been put in them since.
    operations = [migrations.RunPython(create_role_groups, migrations.RunPython.noop)]
