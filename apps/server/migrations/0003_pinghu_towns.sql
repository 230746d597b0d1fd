-- Reference data: the towns and sub-districts of Pinghu (平湖市, 330482): 6 镇 3 街道, as seed 000 counts them.
insert into towns (code, name, county_code, kind) values
  ('danghu', '当湖街道', '330482', 'subdistrict'),
  ('zhongdai', '钟埭街道', '330482', 'subdistrict'),
  ('caoqiao', '曹桥街道', '330482', 'subdistrict'),
  ('zhapu', '乍浦镇', '330482', 'town'),
  ('xindai', '新埭镇', '330482', 'town'),
  ('xincang', '新仓镇', '330482', 'town'),
  ('dushangang', '独山港镇', '330482', 'town'),
  ('guangchen', '广陈镇', '330482', 'town'),
  ('lindai', '林埭镇', '330482', 'town');
