"""AWS access: one client factory, one error translator, one module per service."""

from .clients import AwsClients
from .errors import aws_errors

__all__ = ["AwsClients", "aws_errors"]
