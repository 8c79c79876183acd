"""What a user uploaded: each file chosen in a form became an asset through an upload."""

from __future__ import annotations

from django.conf import settings
from django.db import models


class UploadedFile(models.Model):
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE)
    model_id = models.CharField(max_length=100, help_text="The model whose form it was chosen in.")
    input_name = models.CharField(max_length=200)
    file_name = models.CharField(max_length=200)
    content_type = models.CharField(max_length=100)
    size = models.PositiveBigIntegerField()
    upload_id = models.CharField(max_length=100)
    # Empty until Scenario made the asset; `failure` says why it never will.
    asset_id = models.CharField(max_length=100, blank=True)
    failure = models.CharField(max_length=500, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["user", "-created_at"])]

    def __str__(self) -> str:
        return f"{self.file_name} ({self.asset_id or self.upload_id})"

    @property
    def is_done(self) -> bool:
        return bool(self.asset_id or self.failure)
