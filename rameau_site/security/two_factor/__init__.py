"""Two factors for staff: django-otp TOTP devices, our enforcement middleware and forms."""
