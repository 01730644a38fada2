// Well-known ports, so that hovering `EXPOSE 5432` says what usually listens there.

export interface PortReference {
  readonly port: number;
  readonly protocol: 'tcp' | 'udp' | 'both';
  readonly service: string;
}

export const WELL_KNOWN_PORTS: readonly PortReference[] = [
  { port: 20, protocol: 'tcp', service: 'FTP data' },
  { port: 21, protocol: 'tcp', service: 'FTP' },
  { port: 22, protocol: 'tcp', service: 'SSH' },
  { port: 25, protocol: 'tcp', service: 'SMTP' },
  { port: 53, protocol: 'both', service: 'DNS' },
  { port: 67, protocol: 'udp', service: 'DHCP' },
  { port: 69, protocol: 'udp', service: 'TFTP' },
  { port: 80, protocol: 'tcp', service: 'HTTP' },
  { port: 110, protocol: 'tcp', service: 'POP3' },
  { port: 123, protocol: 'udp', service: 'NTP' },
  { port: 143, protocol: 'tcp', service: 'IMAP' },
  { port: 161, protocol: 'udp', service: 'SNMP' },
  { port: 389, protocol: 'tcp', service: 'LDAP' },
  { port: 443, protocol: 'both', service: 'HTTPS (UDP: HTTP/3, QUIC)' },
  { port: 465, protocol: 'tcp', service: 'SMTP over TLS' },
  { port: 514, protocol: 'udp', service: 'syslog' },
  { port: 587, protocol: 'tcp', service: 'SMTP submission' },
  { port: 636, protocol: 'tcp', service: 'LDAP over TLS' },
  { port: 993, protocol: 'tcp', service: 'IMAP over TLS' },
  { port: 1433, protocol: 'tcp', service: 'Microsoft SQL Server' },
  { port: 1521, protocol: 'tcp', service: 'Oracle Database' },
  { port: 1883, protocol: 'tcp', service: 'MQTT' },
  { port: 2181, protocol: 'tcp', service: 'ZooKeeper' },
  { port: 2375, protocol: 'tcp', service: 'Docker Engine API (unencrypted)' },
  { port: 2376, protocol: 'tcp', service: 'Docker Engine API (TLS)' },
  { port: 3000, protocol: 'tcp', service: 'Node.js / Grafana / Rails development servers' },
  { port: 3306, protocol: 'tcp', service: 'MySQL / MariaDB' },
  { port: 3478, protocol: 'udp', service: 'STUN/TURN' },
  { port: 4222, protocol: 'tcp', service: 'NATS' },
  { port: 4317, protocol: 'tcp', service: 'OpenTelemetry (gRPC)' },
  { port: 4318, protocol: 'tcp', service: 'OpenTelemetry (HTTP)' },
  { port: 5000, protocol: 'tcp', service: 'Docker registry / Flask development server' },
  { port: 5432, protocol: 'tcp', service: 'PostgreSQL' },
  { port: 5672, protocol: 'tcp', service: 'AMQP (RabbitMQ)' },
  { port: 5900, protocol: 'tcp', service: 'VNC' },
  { port: 6379, protocol: 'tcp', service: 'Redis' },
  { port: 6443, protocol: 'tcp', service: 'Kubernetes API server' },
  { port: 8000, protocol: 'tcp', service: 'HTTP (development servers: Django, uvicorn …)' },
  { port: 8080, protocol: 'tcp', service: 'HTTP (alternative)' },
  { port: 8443, protocol: 'tcp', service: 'HTTPS (alternative)' },
  { port: 8888, protocol: 'tcp', service: 'Jupyter' },
  { port: 9000, protocol: 'tcp', service: 'PHP-FPM / MinIO / SonarQube' },
  { port: 9042, protocol: 'tcp', service: 'Cassandra' },
  { port: 9090, protocol: 'tcp', service: 'Prometheus' },
  { port: 9092, protocol: 'tcp', service: 'Kafka' },
  { port: 9100, protocol: 'tcp', service: 'Prometheus node exporter' },
  { port: 9200, protocol: 'tcp', service: 'Elasticsearch / OpenSearch (HTTP)' },
  { port: 9300, protocol: 'tcp', service: 'Elasticsearch (cluster transport)' },
  { port: 11211, protocol: 'tcp', service: 'Memcached' },
  { port: 15672, protocol: 'tcp', service: 'RabbitMQ management' },
  { port: 27017, protocol: 'tcp', service: 'MongoDB' },
];

export function wellKnownPort(port: number): PortReference | undefined {
  return WELL_KNOWN_PORTS.find((entry) => entry.port === port);
}
