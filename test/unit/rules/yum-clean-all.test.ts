// `yum clean all` missing after yum install.
import { ruleSpec } from './support/ruleSpec';

ruleSpec('yum-clean-all', {
  catches: [
    "FROM rockylinux:9\nRUN «yum install -y httpd-2.4.57»\n",
  ],
  clean: [
    "FROM rockylinux:9\nRUN yum install -y httpd-2.4.57 && yum clean all\n",
  ],
  fixes: [
    { before: "FROM rockylinux:9\nRUN yum install -y httpd\n", after: "FROM rockylinux:9\nRUN yum install -y httpd && yum clean all\n" },
  ],
});
