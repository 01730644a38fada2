// Use yum install -y.
import { ruleSpec } from './support/ruleSpec';

ruleSpec('yum-yes', {
  catches: [
    "FROM rockylinux:9\nRUN «yum install httpd-2.4.57»\n",
  ],
  clean: [
    "FROM rockylinux:9\nRUN yum install -y httpd-2.4.57\n",
  ],
  fixes: [
    { before: "FROM rockylinux:9\nRUN yum install httpd\n", after: "FROM rockylinux:9\nRUN yum install -y httpd\n" },
  ],
});
