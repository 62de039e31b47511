"""Security and operations: headers, 2FA, staff groups, health checks, faults, logs."""
