"""The two staff groups and the moderation workflow, idempotent.

- « Éditeurs » write in the editorial sections (publications, news and press): they may add and
  change pages there, never publish; they submit to moderation. They browse the image and
  document libraries and correct a file's title or alternative text (as in Wagtail's own
  « Editors » group; Wagtail ties deleting a file to changing it, and its confirmation
  page says where the file is used), choose partners, themes and types, but edit no snippet and no site setting.
- « Modérateurs » approve and publish anywhere, edit snippets, menus and site settings.
- One workflow, « Relecture par les modérateurs », covers the whole site: a page submitted
  by an editor goes live only when a moderator approves it. Its task is a security.ModerationTask,
  which approves nothing a section refuses to put live (a session of a draft cycle).

Runs from the data migration (with historical models) and again from seed_demo and
`manage.py setup_staff_groups`, which grant the section permissions once the section
pages exist.
"""

from __future__ import annotations

from django.apps.registry import Apps

EDITORS = "Éditeurs"
MODERATORS = "Modérateurs"
WORKFLOW = "Relecture par les modérateurs"
TASK = "Validation par un modérateur"

# The page types (model names) an editor may write under, whichever app holds them (the press
# moved from publications to its own app).
EDITORIAL_SECTIONS = ["publicationindexpage", "newsindexpage", "pressindexpage"]
SNIPPETS = [
    ("pages", "partner"),
    ("pages", "keyfigure"),
    ("pages", "contentcheck"),
    ("pages", "audience"),
    ("pages", "theme"),
    ("publications", "publicationtype"),
]
SITE_SETTINGS = [("pages", "sitesettings"), ("pages", "navigationsettings")]
# Newsletters and personal data: moderators edit the lists, see and export subscribers, and
# find, export or erase what the site holds about a person; editors never see them. Granted
# once these models exist (a fresh database creates the groups before them).
# As (model, codename): the models moved from pages to newsletters (pages/0015), and these
# grants run both from the historical migrations (before the move) and after it.
MODERATOR_FRONT_DOOR_PERMISSIONS = [
    *[("newsletterlist", f"{action}_newsletterlist") for action in ("add", "change", "delete", "view")],
    ("subscription", "view_subscription"),
    ("subscriber", "manage_personal_data"),
]
EDITOR_PAGE_PERMISSIONS = ["add_page", "change_page"]
MODERATOR_PAGE_PERMISSIONS = ["add_page", "change_page", "publish_page", "bulk_delete_page", "lock_page", "unlock_page"]
EDITOR_COLLECTION_PERMISSIONS = [
    ("wagtailimages", "add_image"),
    ("wagtailimages", "choose_image"),
    ("wagtailimages", "change_image"),
    ("wagtaildocs", "add_document"),
    ("wagtaildocs", "choose_document"),
    ("wagtaildocs", "change_document"),
]
MODERATOR_COLLECTION_PERMISSIONS = [
    *EDITOR_COLLECTION_PERMISSIONS,
    ("wagtailimages", "delete_image"),
    ("wagtaildocs", "delete_document"),
]
# Wagtail's own English groups give "Editors" rights over the whole tree: replaced.
WAGTAIL_DEFAULT_GROUPS = ["Editors", "Moderators"]


def ensure_permissions_exist(apps: Apps) -> None:
    """Permissions are normally created after `migrate`; a fresh database needs them now."""
    from django.contrib.auth.management import create_permissions

    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None


def ensure_staff_groups(apps: Apps) -> None:
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    ContentType = apps.get_model("contenttypes", "ContentType")
    Page = apps.get_model("wagtailcore", "Page")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")

    def perm(app_label: str, codename: str):
        return Permission.objects.get(content_type__app_label=app_label, codename=codename)

    editors, _ = Group.objects.get_or_create(name=EDITORS)
    moderators, _ = Group.objects.get_or_create(name=MODERATORS)
    for name in WAGTAIL_DEFAULT_GROUPS:
        Group.objects.filter(name=name, user__isnull=True).delete()

    admin_access = perm("wagtailadmin", "access_admin")
    editors.permissions.add(admin_access, *[perm(app, f"view_{model}") for app, model in SNIPPETS])
    moderators.permissions.add(
        admin_access,
        *[perm(app, f"{action}_{model}") for app, model in SNIPPETS for action in ("add", "change", "delete", "view")],
        *[perm(app, f"change_{model}") for app, model in SITE_SETTINGS],
        *[perm("wagtailredirects", f"{action}_redirect") for action in ("add", "change", "delete")],
    )
    grant_front_door_permissions(apps)

    grant_collection_permissions(apps)

    root_page = Page.objects.filter(depth=1).first()
    if root_page is not None:
        for codename in MODERATOR_PAGE_PERMISSIONS:
            GroupPagePermission.objects.get_or_create(
                group=moderators, page=root_page, permission=perm("wagtailcore", codename)
            )
        ensure_workflow(apps, root_page, moderators)

    for content_type in ContentType.objects.filter(model__in=EDITORIAL_SECTIONS):
        for section in Page.objects.filter(content_type=content_type):
            for codename in EDITOR_PAGE_PERMISSIONS:
                GroupPagePermission.objects.get_or_create(
                    group=editors, page=section, permission=perm("wagtailcore", codename)
                )


def grant_collection_permissions(apps: Apps) -> None:
    """Both groups' rights on the root collection (images and documents), added where missing."""
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    Collection = apps.get_model("wagtailcore", "Collection")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")
    root_collection = Collection.objects.filter(depth=1).first()
    if root_collection is None:
        return
    for name, wanted in ((EDITORS, EDITOR_COLLECTION_PERMISSIONS), (MODERATORS, MODERATOR_COLLECTION_PERMISSIONS)):
        group = Group.objects.filter(name=name).first()
        for app_label, codename in wanted if group else []:
            permission = Permission.objects.get(content_type__app_label=app_label, codename=codename)
            GroupCollectionPermission.objects.get_or_create(
                group=group, collection=root_collection, permission=permission
            )


def grant_front_door_permissions(apps: Apps) -> None:
    """The newsletters' and personal data's rights of moderators; those not created yet are skipped."""
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    moderators = Group.objects.filter(name=MODERATORS).first()
    if moderators is None:
        return
    for model, codename in MODERATOR_FRONT_DOOR_PERMISSIONS:
        moderators.permissions.add(*Permission.objects.filter(content_type__model=model, codename=codename))


def moderation_task_model(apps: Apps):
    """The site's task type, security.ModerationTask (approval that asks the sections' publish
    checks; pages.ModerationTask in the migrations before it moved here); Wagtail's
    GroupApprovalTask while a migration runs before it exists."""
    for app_label in ("security", "pages"):
        try:
            return apps.get_model(app_label, "ModerationTask")
        except LookupError:
            continue
    return apps.get_model("wagtailcore", "GroupApprovalTask")


def ensure_workflow(apps: Apps, root_page, moderators) -> None:
    """Our workflow on the root page, in place of Wagtail's default one, with our task type."""
    ContentType = apps.get_model("contenttypes", "ContentType")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")
    WorkflowPage = apps.get_model("wagtailcore", "WorkflowPage")
    TaskState = apps.get_model("wagtailcore", "TaskState")
    TaskModel = moderation_task_model(apps)

    task_type, _ = ContentType.objects.get_or_create(
        app_label=TaskModel._meta.app_label, model=TaskModel._meta.model_name
    )
    task = TaskModel.objects.filter(name=TASK).first()
    if task is None:
        task = TaskModel.objects.create(name=TASK, content_type=task_type, active=True)
    task.groups.set([moderators])

    workflow, _ = Workflow.objects.get_or_create(name=WORKFLOW, defaults={"active": True})
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
    # Our task of an earlier type, replaced: out of the workflow, kept (inactive) only for its
    # history. Tasks staff added to the workflow stay.
    for link in WorkflowTask.objects.filter(workflow=workflow, task__name=TASK).exclude(task=task):
        replaced = link.task
        link.delete()
        if TaskState.objects.filter(task=replaced).exists():
            replaced.active = False
            replaced.save()
        else:
            replaced.delete()

    current = WorkflowPage.objects.filter(page=root_page).first()
    if current is None:
        WorkflowPage.objects.create(page=root_page, workflow=workflow)
    elif current.workflow_id != workflow.pk:
        previous = current.workflow
        current.workflow = workflow
        current.save()
        if previous.name == "Moderators approval":
            previous.active = False
            previous.save()
