"""
Editors' sign-in: the admin site whose password change counts wrong passwords as failed
sign-ins, so that django-axes throttles guessing there as it does on the sign-in page.

``relations.admin_apps.AdminConfig`` makes this the default admin site, so every
``@admin.register`` registers on it.
"""

from functools import partial

from django.contrib import admin
from django.contrib.admin.forms import AdminPasswordChangeForm
from django.contrib.auth import authenticate
from django.contrib.auth.views import PasswordChangeView
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.views.decorators.debug import sensitive_variables


class ThrottledPasswordChangeForm(AdminPasswordChangeForm):
    """
    A password change whose old password is checked by signing in with it.

    A wrong old password is then a failed sign-in for the account, from the request's address,
    and once the account or the address is locked out no old password is accepted at all.
    """

    def __init__(self, user, *args, request, **kwargs):
        self.request = request
        super().__init__(user, *args, **kwargs)

    @sensitive_variables("old_password")
    def clean_old_password(self):
        old_password = self.cleaned_data["old_password"]
        signed_in = authenticate(self.request, username=self.user.get_username(), password=old_password)
        if signed_in is None or signed_in.pk != self.user.pk:
            raise ValidationError(self.error_messages["password_incorrect"], code="password_incorrect")
        return old_password


class AdminSite(admin.AdminSite):
    def password_change(self, request, extra_context=None):
        """Show and check the password change form, whose wrong old passwords are throttled."""
        request.current_app = self.name
        return PasswordChangeView.as_view(
            form_class=partial(ThrottledPasswordChangeForm, request=request),
            success_url=reverse("admin:password_change_done", current_app=self.name),
            extra_context={**self.each_context(request), **(extra_context or {})},
            **({"template_name": self.password_change_template} if self.password_change_template else {}),
        )(request)
