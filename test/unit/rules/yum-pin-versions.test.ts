// Pin versions in yum install.
import { ruleSpec } from './support/ruleSpec';

ruleSpec('yum-pin-versions', {
  catches: [
    "FROM rockylinux:9\nRUN yum install -y «httpd»\n",
  ],
  clean: [
    "FROM rockylinux:9\nRUN yum install -y httpd-2.4.57\n",
    "FROM rockylinux:9\nRUN yum install -y /tmp/pkg.rpm\n",
  ],
});
