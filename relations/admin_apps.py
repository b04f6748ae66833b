"""The admin application, with ``relations.accounts.AdminSite`` as its default site."""

from django.contrib.admin.apps import AdminConfig as DjangoAdminConfig


class AdminConfig(DjangoAdminConfig):
    default_site = "relations.accounts.AdminSite"
