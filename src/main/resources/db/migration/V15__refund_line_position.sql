-- A refund's lines keep their order (the order's line order) in their own table, so reading a
-- refund no longer joins the order feature's order_line.
alter table refund_line add column position integer;
update refund_line l set position = o.line_no from order_line o where o.id = l.line_id;
alter table refund_line alter column position set not null;
